/**
 * The audit record as managers read it: the history projection, its endpoint, and the verification of each campaign's hash chain.
 */
package org.advocacy.engine.audit;
