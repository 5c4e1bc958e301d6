package org.interdict.commons.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The spans of an event's way through Kafka (OpenTelemetry messaging conventions): the relay's {@code send} as a
 * child of the context the event was recorded in, and each consumer's {@code process} as a child of the context the
 * record carries. Kafka clients are not instrumented beyond this: the outbox decides when an event is sent.
 */
@ApplicationScoped
public class EventSpans {

    /** What a consumer does with one record. */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws E;
    }

    private final Tracer tracer;

    @Inject
    EventSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.interdict.commons.trace");
    }

    /**
     * Starts the PRODUCER span of sending an event recorded under {@code recordedIn}, and puts its context in the
     * record's headers. The caller ends it once Kafka has acknowledged the record, or failed to.
     */
    public Span send(ProducerRecord<?, ?> record, UUID eventId, TraceHeaders recordedIn) {
        Span span = tracer.spanBuilder("send " + record.topic())
                .setParent(recordedIn.context())
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.message.id", eventId.toString())
                .startSpan();
        TraceHeaders.of(Context.root().with(span)).addTo(record.headers());
        return span;
    }

    /** Marks spans of a batch Kafka did not take. */
    public static void failed(Span span, Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR);
    }

    /**
     * Runs {@code work} in a CONSUMER span whose parent is the context in the record's headers (a new trace when it
     * has none); the span is current meanwhile, so log lines and the events the work records belong to the trace.
     */
    public <E extends Exception> void process(ConsumerRecord<?, ?> record, Work<E> work) throws E {
        Span span = startProcessing(record);
        try (Scope scope = span.makeCurrent()) {
            work.run();
        } catch (Throwable e) {
            failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Runs {@code work}, which applies these records together (one transaction for a poll's worth), with a CONSUMER
     * span per record in the trace that record carries, from its read to its effect. None is current: the work
     * belongs to several traces.
     */
    public <E extends Exception> void processAll(Iterable<? extends ConsumerRecord<?, ?>> records, Work<E> work) throws E {
        List<Span> processing = new ArrayList<>();
        records.forEach(record -> processing.add(startProcessing(record)));
        try {
            work.run();
        } catch (Throwable e) {
            processing.forEach(span -> failed(span, e));
            throw e;
        } finally {
            processing.forEach(Span::end);
        }
    }

    /**
     * Runs {@code work} in the trace this record carries: for what concerns one record of a batch that
     * {@link #processAll} applies together, such as a log line about it.
     */
    public void inTraceOf(ConsumerRecord<?, ?> record, Runnable work) {
        try (Scope scope = TraceHeaders.of(record.headers()).context().makeCurrent()) {
            work.run();
        }
    }

    private Span startProcessing(ConsumerRecord<?, ?> record) {
        return tracer.spanBuilder("process " + record.topic())
                .setParent(TraceHeaders.of(record.headers()).context())
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
    }
}
