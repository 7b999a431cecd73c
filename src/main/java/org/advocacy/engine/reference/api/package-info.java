/**
 * The Security Council years that an ADMIN loads while the app runs: stored in PostgreSQL, where
 * every instance reads them, and offered to {@link org.advocacy.engine.reference.UnMembership}
 * through {@link org.advocacy.engine.reference.LoadedCouncilYears}; the HTTP API that loads and
 * lists them. The checks are {@code UnMembership}'s own.
 */
package org.advocacy.engine.reference.api;
