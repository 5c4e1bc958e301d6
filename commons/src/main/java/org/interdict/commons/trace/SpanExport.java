package org.interdict.commons.trace;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Spans leave a service only when an OTLP endpoint is configured ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, or the
 * traces-only {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}). Unset, both default to {@value #UNSET} and Quarkus'
 * OTLP exporter would send there, logging a failure every few seconds where no collector listens; it steps aside for
 * any {@link SpanExporter} bean, so this one, which drops spans, stands in while neither is set. Trace context is still
 * propagated and logged. (A collector on the pod's own localhost is reached by writing {@code http://localhost:4317}.)
 */
@Singleton
public class SpanExport {

    /** Quarkus' default for both endpoints: what an unset endpoint reads as. */
    static final String UNSET = "http://localhost:4317/";

    @Produces
    @Singleton
    @Unremovable // nothing injects it: Quarkus' OTLP exporter looks it up, and would otherwise find it removed
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = UNSET, lookupIfMissing = true)
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = UNSET, lookupIfMissing = true)
    SpanExporter nowhere() {
        return SpanExporter.composite();
    }
}
