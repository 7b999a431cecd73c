package org.advocacy.engine.platform;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's aggregate cache, scoped to one database transaction: the commands of one step (a
 * completion opens the next tasks, records a vote's outcome, may close the campaign) load the
 * campaign once instead of folding its events again for each command. Nothing outlives the
 * transaction, so a rolled-back step leaves no cached state behind, and no instance ever works on
 * a copy that another instance has moved on from: the transaction holds the campaign's lock
 * (CampaignCommandGateway) from its first command to its end. Outside a transaction nothing is
 * cached.
 */
final class TransactionScopedCache implements Cache {

    private static final String RESOURCE = TransactionScopedCache.class.getName();

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Map<Object, Object> entries = entries(false);
        return entries == null ? null : (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        Map<Object, Object> entries = entries(true);
        if (entries != null) {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Map<Object, Object> entries = entries(true);
        return entries != null && entries.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        Map<Object, Object> entries = entries(false);
        return entries != null && entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        Map<Object, Object> entries = entries(false);
        if (entries != null) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        Map<Object, Object> entries = entries(false);
        return entries != null && entries.containsKey(key);
    }

    /** Entries live for a transaction only; there is nothing to tell listeners about across transactions. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return () -> true;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> entries(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object bound = TransactionSynchronizationManager.getResource(RESOURCE);
        if (bound != null || !create) {
            return (Map<Object, Object>) bound;
        }
        Map<Object, Object> entries = new HashMap<>();
        TransactionSynchronizationManager.bindResource(RESOURCE, entries);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
            }
        });
        return entries;
    }
}
