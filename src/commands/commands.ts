/**
 * The ribbon's function file. The ribbon button only opens the task pane
 * (ShowTaskpane in the manifest); this page must exist and initialise Office.
 */
Office.onReady(() => {
  // Nothing to register: every command opens the task pane.
});
