package org.interdict.registry.incident;

public enum IncidentType {
    SHIP_TO_SHIP_TRANSFER, SEIZURE, AIS_GAP, FLAG_CHANGE, OTHER
}
