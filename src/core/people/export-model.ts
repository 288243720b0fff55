// What "my data" reads through the Store port (issue 15, point 1). Filled in by the export work.
export interface PersonalExportStore {}
