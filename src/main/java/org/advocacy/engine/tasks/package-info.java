/**
 * Claiming and completing tasks: validation first, then the step's event and the workflow's move in one transaction (/api/tasks).
 */
package org.advocacy.engine.tasks;
