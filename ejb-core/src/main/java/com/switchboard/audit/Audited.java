package com.switchboard.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An administrative action: each call is written to the {@link AuditLog} with the caller, the
 * action's name, its target (the method's first argument when it is an id, a name or a channel) and
 * its outcome.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {
    /** What was done, e.g. {@code api-key.revoke}. */
    @Nonbinding
    String value();
}
