/**
 * Rebuilding the read models from the event store: the projection contract that read models
 * implement, the rebuild that replays every event into shadow tables and swaps them in, and the
 * ADMIN endpoint that starts it and reports its progress.
 */
package org.advocacy.engine.replay;
