// What retention and uninstall clean-up need from the Store port (issue 15, point 4).
export interface RetentionStore {}
