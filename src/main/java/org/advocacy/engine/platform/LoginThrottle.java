package org.advocacy.engine.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed sign-ins, counted per user and per client address over a sliding window: once either has
 * failed {@code limit} times (the address {@code limit * 3}) within the window, further attempts
 * are turned away until the oldest of those failures leaves the window, whatever the password.
 * A success forgets the user's failures. At most {@code capacity} users and addresses are tracked;
 * the least recently failing go first.
 */
final class LoginThrottle {

    private final int userLimit;
    private final int addressLimit;
    private final Duration window;
    private final int capacity;
    private final Clock clock;
    private final LinkedHashMap<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true);

    LoginThrottle(int limit, Duration window, int capacity, Clock clock) {
        this.userLimit = limit;
        this.addressLimit = limit * 3;
        this.window = window;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** How long the attempt must wait, when the user or the address has failed too often; empty otherwise. */
    synchronized Optional<Duration> wait(String user, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (Map.Entry<String, Integer> key : keys(user, address).entrySet()) {
            Deque<Instant> times = failures.get(key.getKey());
            if (times == null) {
                continue;
            }
            forgetOld(times, now);
            if (times.size() >= key.getValue()) {
                Duration wait = Duration.between(now, times.peekFirst().plus(window));
                longest = wait.compareTo(longest) > 0 ? wait : longest;
            }
        }
        return longest.isZero() || longest.isNegative() ? Optional.empty() : Optional.of(longest);
    }

    synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        for (String key : keys(user, address).keySet()) {
            Deque<Instant> times = failures.computeIfAbsent(key, any -> new ArrayDeque<>());
            forgetOld(times, now);
            times.addLast(now);
        }
        Iterator<String> leastRecent = failures.keySet().iterator();
        while (failures.size() > capacity && leastRecent.hasNext()) {
            leastRecent.next();
            leastRecent.remove();
        }
    }

    synchronized void succeeded(String user) {
        if (user != null) {
            failures.remove(userKey(user));
        }
    }

    private Map<String, Integer> keys(String user, String address) {
        Map<String, Integer> keys = new LinkedHashMap<>();
        if (user != null && !user.isBlank()) {
            keys.put(userKey(user), userLimit);
        }
        if (address != null && !address.isBlank()) {
            keys.put("address\u0000" + address, addressLimit);
        }
        return keys;
    }

    private static String userKey(String user) {
        return "user\u0000" + user;
    }

    private void forgetOld(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !now.isBefore(times.peekFirst().plus(window))) {
            times.removeFirst();
        }
        // the deque never needs more than the largest limit
        while (times.size() > addressLimit) {
            times.removeFirst();
        }
    }
}
