// What "delete my data" needs from the Store port (issue 15, point 2). Filled in by the delete work.
export interface ForgetStore {}
