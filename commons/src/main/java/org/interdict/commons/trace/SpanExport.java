package org.interdict.commons.trace;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Spans leave a service only when an OTLP endpoint is configured ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, or the
 * traces-only {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}). Without one, Quarkus' OTLP exporter would send to
 * localhost:4317 and log a failure every few seconds where no collector listens; it steps aside for any
 * {@link SpanExporter} bean, so this one, which drops spans, stands in while no endpoint is set. Trace context is
 * still propagated and logged either way.
 */
@Singleton
public class SpanExport {

    /** Matches only an absent property: a configured endpoint is never empty. */
    private static final String ABSENT = "";

    @Produces
    @Singleton
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = ABSENT, lookupIfMissing = true)
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = ABSENT, lookupIfMissing = true)
    SpanExporter nowhere() {
        return SpanExporter.composite();
    }
}
