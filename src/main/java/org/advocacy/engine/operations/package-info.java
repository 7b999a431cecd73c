/** The operations log: what operators did to the record (evidence imports, rebuilds), append-only. */
package org.advocacy.engine.operations;
