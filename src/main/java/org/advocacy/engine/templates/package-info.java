/**
 * Templates as data: the fields a template declares for its start and its tasks, and their generic validation. Free of Camunda: the workflow package reads the declarations from the models.
 */
package org.advocacy.engine.templates;
