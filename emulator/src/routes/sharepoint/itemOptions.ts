/** OData projection rules of listItem: navigation properties appear only when expanded. */
import type { NestedOptions } from '../../odata';

export const itemOptions: NestedOptions = {
  errorCode: 'invalidRequest',
  typeName: 'microsoft.graph.listItem',
  navigationProperties: ['fields', 'driveItem', 'versions', 'analytics'],
};
