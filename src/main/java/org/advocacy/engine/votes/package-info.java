/**
 * Vote semantics (SPEC §4): the five vote rules, the outcomes, and the reading and validation of a
 * recorded vote from raw JSON values. Pure Java: no framework types, so that templates, the DMN
 * decision and the event model can all share it.
 */
package org.advocacy.engine.votes;
