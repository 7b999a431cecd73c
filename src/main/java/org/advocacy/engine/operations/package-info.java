/**
 * What operators look at: the append-only operations log of what they did to the record (evidence
 * imports, rebuilds), and the workflow engine's open incidents.
 */
package org.advocacy.engine.operations;
