package org.advocacy.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TransactionScopedCacheTest {

    private final TransactionScopedCache cache = new TransactionScopedCache();

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    /** Ends the transaction as Spring does: completion callbacks, then the synchronizations cleared. */
    private static void complete(int status) {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            synchronization.afterCompletion(status);
        }
        TransactionSynchronizationManager.clearSynchronization();
    }

    @Test
    void outside_a_transaction_nothing_is_kept() {
        cache.put("campaign", "aggregate");

        assertThat(cache.containsKey("campaign")).isFalse();
        assertThat((Object) cache.get("campaign")).isNull();
        assertThat(cache.putIfAbsent("campaign", "aggregate")).isFalse();
    }

    @Test
    void within_a_transaction_an_entry_is_kept_until_the_transaction_ends() {
        TransactionSynchronizationManager.initSynchronization();
        cache.put("campaign", "aggregate");
        assertThat((Object) cache.get("campaign")).isEqualTo("aggregate");
        assertThat(cache.putIfAbsent("campaign", "other")).isFalse();

        complete(TransactionSynchronization.STATUS_ROLLED_BACK);

        TransactionSynchronizationManager.initSynchronization();
        assertThat(cache.containsKey("campaign")).as("the next transaction starts empty").isFalse();
    }

    @Test
    void removing_an_entry_forgets_it() {
        TransactionSynchronizationManager.initSynchronization();
        cache.put("campaign", "aggregate");

        assertThat(cache.remove("campaign")).isTrue();
        assertThat(cache.containsKey("campaign")).isFalse();
        assertThat(cache.remove("campaign")).isFalse();
        complete(TransactionSynchronization.STATUS_COMMITTED);
    }
}
