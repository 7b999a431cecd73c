/**
 * Everything that knows Camunda: the plugins that register the field types and record each workflow step as a campaign command, the catalog of templates read from the deployed models, and the facade through which the rest of the app starts processes and completes tasks.
 */
package org.advocacy.engine.workflow;
