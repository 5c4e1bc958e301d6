package org.interdict.readouts.readout;

import com.fasterxml.jackson.annotation.JsonProperty;

/** FIRST Traffic Light Protocol 2.0 labels, written as TLP writes them. */
public enum Tlp {
    CLEAR,
    GREEN,
    AMBER,
    @JsonProperty("AMBER+STRICT")
    AMBER_STRICT,
    RED
}
