package org.interdict.registry.access;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.interdict.commons.membership.Membership;
import org.interdict.commons.security.Caller;

@ActiveMembersOnly
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ActiveMembersOnlyInterceptor {

    @Inject
    Caller caller;

    @Inject
    Membership membership;

    @AroundInvoke
    Object requireActiveMember(InvocationContext context) throws Exception {
        membership.requireActiveMember(caller);
        return context.proceed();
    }
}
