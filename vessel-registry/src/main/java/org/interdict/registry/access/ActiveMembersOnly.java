package org.interdict.registry.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * The registry is the coalition's: every call, reads included, is refused (403) unless the caller is an admin or
 * belongs to an active member nation. Roles are checked first, by {@code @RolesAllowed}.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ActiveMembersOnly {
}
