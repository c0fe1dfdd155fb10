// The root page forwards to the Teams tab (the standalone demo), keeping the query (?emulator=…).
location.replace(`./teams/${location.search}${location.hash}`);
