package org.advocacy.engine.platform;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures that say the database is away or busy, not that the request is wrong: no connection
 * within the pool's timeout, a connection lost (a restart), a lock not granted within
 * {@code lock_timeout}, a statement cut off by {@code statement_timeout}, a deadlock. The request's
 * transaction has rolled back, so the client may retry it as it was: they are answered 503 with
 * Retry-After. Axon and Camunda wrap what the driver raised, so the whole chain of causes is read.
 */
public final class DatabaseTrouble {

    /** How long a client should wait before sending again a request that the database could not take. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** SQLSTATEs of a database that is going away, busy or cutting a request short. */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "57P01", "57P02", "57P03", // admin_shutdown, crash_shutdown, cannot_connect_now
            "55P03",                   // lock_not_available: lock_timeout
            "57014",                   // query_canceled: statement_timeout
            "53300",                   // too_many_connections
            "40P01");                  // deadlock_detected

    private DatabaseTrouble() {
    }

    /**
     * Whether the connection was lost while the transaction committed: then the database may have
     * recorded it or not, and only a look (or a retry with the same Idempotency-Key) tells.
     */
    public static boolean commitUncertain(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof TransactionSystemException system && system.getMessage() != null
                    && system.getMessage().contains("commit")) {
                return true;
            }
        }
        return false;
    }

    /** What a 503 says to the client. */
    public static String detail(Throwable failure) {
        return commitUncertain(failure)
                ? "the database went away while this request was being committed, so it may or may not have been"
                        + " recorded: look before sending it again, or send it again with the same Idempotency-Key"
                : "the database did not answer in time, so nothing was recorded; send the same request again in "
                        + RETRY_AFTER_SECONDS + " seconds";
    }

    public static boolean isCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, Boolean.TRUE) == null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || TRANSIENT_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
