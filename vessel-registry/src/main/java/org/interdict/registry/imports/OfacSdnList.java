package org.interdict.registry.imports;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.interdict.registry.designation.Designation;

/**
 * OFAC's {@code SDN.XML}, read as a stream of StAX events (never a document tree), whatever its namespace. Only
 * {@code sdnType} Vessel entries are kept: the IMO number is the {@code id} of type
 * {@code Vessel Registration Identification}, the MMSI the {@code id} of type MMSI, and {@code f.k.a.} aliases are
 * former names. The listing is OFAC's, under the entry's uid, for its programs.
 */
final class OfacSdnList {

    private static final String VESSEL = "Vessel";
    private static final String IMO_ID = "Vessel Registration Identification";
    private static final String MMSI_ID = "MMSI";
    private static final String FORMERLY = "f.k.a.";

    private OfacSdnList() {
    }

    /** An entry while its elements are read. */
    private static final class Entry {
        String uid;
        String lastName;
        String sdnType;
        final List<String> programs = new ArrayList<>();
        final List<String> formerNames = new ArrayList<>();
        String imo;
        String mmsi;
        String flag;
        String owner;
        String callSign;
        String vesselType;

        ListEntry toListEntry() {
            return new ListEntry("uid " + uid + " (" + lastName + ")", imo, lastName, List.copyOf(formerNames), flag,
                    mmsi, callSign, vesselType, owner, Designation.OFAC, uid, null, String.join(", ", programs),
                    lastName == null ? "no name" : null);
        }
    }

    /** An {@code id} or {@code aka} element while it is read. */
    private static final class Part {
        String type;
        String value;
    }

    static ParsedList read(InputStream body) throws MalformedListException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // a list file has no business with DTDs or external entities
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<ListEntry> entries = new ArrayList<>();
        int skipped = 0;
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(body);
            xml.nextTag();
            if (!"sdnList".equals(xml.getLocalName())) {
                throw new MalformedListException("The document is not an OFAC sdnList but " + xml.getLocalName());
            }
            Entry entry = null;
            Part id = null;
            Part aka = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String element = xml.getLocalName();
                    if (element.equals("sdnEntry")) {
                        entry = new Entry();
                    } else if (entry != null) {
                        switch (element) {
                            case "id" -> id = new Part();
                            case "aka" -> aka = new Part();
                            case "uid" -> {
                                String uid = xml.getElementText().trim();
                                if (id == null && aka == null) {
                                    entry.uid = uid;
                                }
                            }
                            case "lastName" -> {
                                String name = xml.getElementText().trim();
                                if (aka != null) {
                                    aka.value = name;
                                } else {
                                    entry.lastName = name;
                                }
                            }
                            case "sdnType" -> entry.sdnType = xml.getElementText().trim();
                            case "program" -> entry.programs.add(xml.getElementText().trim());
                            case "idType" -> id.type = xml.getElementText().trim();
                            case "idNumber" -> id.value = xml.getElementText().trim();
                            case "type" -> {
                                if (aka != null) {
                                    aka.type = xml.getElementText().trim();
                                }
                            }
                            case "vesselFlag" -> entry.flag = xml.getElementText().trim();
                            case "vesselOwner" -> entry.owner = xml.getElementText().trim();
                            case "callSign" -> entry.callSign = xml.getElementText().trim();
                            case "vesselType" -> entry.vesselType = xml.getElementText().trim();
                            default -> {
                                // other elements carry nothing the registry keeps
                            }
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && entry != null) {
                    switch (xml.getLocalName()) {
                        case "id" -> {
                            if (IMO_ID.equalsIgnoreCase(id.type)) {
                                entry.imo = id.value;
                            } else if (MMSI_ID.equalsIgnoreCase(id.type)) {
                                entry.mmsi = id.value;
                            }
                            id = null;
                        }
                        case "aka" -> {
                            if (FORMERLY.equalsIgnoreCase(aka.type) && aka.value != null) {
                                entry.formerNames.add(aka.value);
                            }
                            aka = null;
                        }
                        case "sdnEntry" -> {
                            if (VESSEL.equalsIgnoreCase(entry.sdnType)) {
                                entries.add(entry.toListEntry());
                            } else {
                                skipped++;
                            }
                            entry = null;
                        }
                        default -> {
                            // nothing ends here that matters
                        }
                    }
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw new MalformedListException("The file is not well-formed XML: " + e.getMessage(), e);
        }
        return new ParsedList(entries, skipped);
    }
}
