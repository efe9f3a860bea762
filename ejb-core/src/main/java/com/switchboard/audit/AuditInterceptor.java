package com.switchboard.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Writes each call of an {@link Audited} method to the {@link AuditLog}, its failures too. */
@Audited("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

    @Inject
    AuditLog log;

    @AroundInvoke
    Object audit(InvocationContext call) throws Exception {
        Audited audited = call.getMethod().getAnnotation(Audited.class);
        if (audited == null) {
            audited = call.getMethod().getDeclaringClass().getAnnotation(Audited.class);
        }
        if (audited == null) {
            return call.proceed(); // bound through a stereotype or an inherited binding: nothing names the action
        }
        String target = target(call.getParameters());
        try {
            Object result = call.proceed();
            log.record(audited.value(), target, null, "ok");
            return result;
        } catch (Exception e) {
            log.record(audited.value(), target, null, "failed: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    /** An id, a name or an enum: never a whole request, which may carry addresses or secrets. */
    private static String target(Object[] parameters) {
        if (parameters == null || parameters.length == 0) {
            return null;
        }
        Object first = parameters[0];
        return first instanceof String || first instanceof Enum<?> || first instanceof Number
                ? String.valueOf(first)
                : null;
    }
}
