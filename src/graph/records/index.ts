/** Decision and signature records: append-only lists on the ISMS site (issue 11). */
export * from './recordLists';
export * from './recordsGateway';
export * from './reviewList';
