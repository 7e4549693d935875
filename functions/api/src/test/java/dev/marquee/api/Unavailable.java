package dev.marquee.api;

import dev.marquee.domain.port.StoreUnavailableException;

import java.lang.reflect.Proxy;

/** A port whose every call fails the way an unreachable backend does: for outage tests, without touching a real client. */
final class Unavailable {
    private Unavailable() {
    }

    static <T> T port(Class<T> port, String store) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "Unavailable[" + store + "]";
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> proxy == args[0];
                };
            }
            throw new StoreUnavailableException(store, "connection refused (simulated outage)", null);
        }));
    }
}
