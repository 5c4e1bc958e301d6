package org.interdict.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.interdict.stack.Stack;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Events delivered twice and out of order, sent straight to the broker as a misbehaving producer or a replayed
 * partition would: port-clearance's replica and the readouts' designation notices end as if each event had come once
 * and in order; an older version of a vessel never overwrites a newer one.
 */
class DuplicateEventsIT {

    private static final String STATUS_TOPIC = "registry.vessel-status.v1";
    private static final String DESIGNATION_TOPIC = "registry.designations.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void duplicatesAndOlderVersionsChangeNothing() throws Exception {
        String imo = Fleet.newImo();
        Fleet.registered(imo, "REPLAYED TANKER");
        Fleet.designate(imo, "KPe.DUP-" + imo);
        assertEquals("DENY", Fleet.eventually(() -> Fleet.clearance(imo, "REPLAYED TANKER").getString("decision"),
                "DENY"::equals));
        assertEquals(1, Fleet.eventually(() -> Fleet.designationNotices("jpn-ministry", imo), n -> n >= 1));
        List<ConsumerRecord<String, String>> statuses = Fleet.eventually(() -> Topics.keyed(STATUS_TOPIC, imo),
                records -> records.size() >= 2);
        List<ConsumerRecord<String, String>> designations = Topics.keyed(DESIGNATION_TOPIC, imo);
        assertEquals(1, designations.size(), "designation events of " + imo);
        ConsumerRecord<String, String> first = statuses.get(0);
        ConsumerRecord<String, String> latest = statuses.get(statuses.size() - 1);

        List<ConsumerRecord<String, String>> replay = new ArrayList<>();
        replay.add(latest); // delivered twice
        replay.add(first); // an old event delivered again, out of order
        replay.add(withNewEventId(first)); // the old version under a new event id: only the version stops it
        replay.add(designations.get(0));
        replay.add(designations.get(0));
        Topics.resend(replay);

        // A later vessel on the same partitions: once its effects show, the replayed events were consumed before it.
        String marker = sharingPartitions(imo);
        Fleet.registered(marker, "MARKER TANKER");
        Fleet.designate(marker, "KPe.MARK-" + marker);
        assertEquals("DENY", Fleet.eventually(() -> Fleet.clearance(marker, "MARKER TANKER").getString("decision"),
                "DENY"::equals));
        for (String ministry : Fleet.MEMBER_MINISTRIES) {
            assertEquals(1, Fleet.eventually(() -> Fleet.designationNotices(ministry, marker), n -> n >= 1), ministry);
        }

        assertEquals("DENY", Fleet.clearance(imo, "REPLAYED TANKER").getString("decision"),
                "an older status overwrote the designation");
        assertEquals(List.of(version(latest)), Databases.column(Stack.App.CLEARANCE,
                "SELECT version FROM vessel_status WHERE imo = '" + imo + "'").stream().map(Long::parseLong).toList());
        for (String ministry : Fleet.MEMBER_MINISTRIES) {
            assertEquals(1, Fleet.designationNotices(ministry, imo), ministry + " got the notice of " + imo + " twice");
        }
    }

    private static long version(ConsumerRecord<String, String> status) throws Exception {
        return JSON.readTree(status.value()).get("version").asLong();
    }

    private static ConsumerRecord<String, String> withNewEventId(ConsumerRecord<String, String> record)
            throws Exception {
        String eventId = UUID.randomUUID().toString();
        ObjectNode value = (ObjectNode) JSON.readTree(record.value());
        value.put("eventId", eventId);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove("event-id");
        headers.add("event-id", eventId.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                TimestampType.CREATE_TIME, -1, -1, record.key(), value.toString(), headers, Optional.empty());
    }

    /** A fresh IMO whose events land on the same partitions as the vessel's on both topics. */
    private static String sharingPartitions(String imo) {
        int statusPartitions = Topics.partitions(STATUS_TOPIC);
        int designationPartitions = Topics.partitions(DESIGNATION_TOPIC);
        int status = Topics.partitionOf(imo, statusPartitions);
        int designation = Topics.partitionOf(imo, designationPartitions);
        while (true) {
            String candidate = Fleet.newImo();
            if (!candidate.equals(imo) && Topics.partitionOf(candidate, statusPartitions) == status
                    && Topics.partitionOf(candidate, designationPartitions) == designation) {
                return candidate;
            }
        }
    }
}
