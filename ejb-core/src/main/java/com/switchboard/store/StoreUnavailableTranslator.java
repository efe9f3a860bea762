package com.switchboard.store;

import com.switchboard.error.StoreUnavailableException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB client the application injects: the SDK's, except that an outage, once the SDK's own
 * retries are spent, reaches the caller as the domain's {@link StoreUnavailableException} (the SDK's
 * exception as its cause), so callers and the REST layer handle unavailability without knowing the
 * SDK. Every other failure (a condition that failed, a cancelled transaction, a ValidationException)
 * is thrown as the SDK threw it: those are answers. (An SDK interceptor cannot do this: the SDK
 * insists that its interceptors return an exception of the type they were given.)
 *
 * <p>Methods the SDK client does not implement itself (paginators, the {@code Consumer<Builder>}
 * forms) run as the interface's default methods on this proxy, so the calls they make come back
 * through it too.
 */
public final class StoreUnavailableTranslator implements InvocationHandler {
    private final DynamoDbClient delegate;
    private final Map<Method, Boolean> implementedByDelegate = new ConcurrentHashMap<>();

    private StoreUnavailableTranslator(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    public static DynamoDbClient translating(DynamoDbClient delegate) {
        return (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class},
                new StoreUnavailableTranslator(delegate));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        try {
            if (method.isDefault() && !implementedByDelegate.computeIfAbsent(method, this::overridden)) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw translated(e.getCause());
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    private boolean overridden(Method method) {
        try {
            return !delegate.getClass()
                    .getMethod(method.getName(), method.getParameterTypes())
                    .isDefault();
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    static Throwable translated(Throwable failure) {
        if (failure instanceof StoreUnavailableException || !StoreOutage.isOutage(failure)) {
            return failure;
        }
        return new StoreUnavailableException("DynamoDB is unavailable: " + failure.getMessage(), failure);
    }
}
