package org.interdict.registry.search;

/** A vessel whose name matched a search: the best-scoring of its names and that score. */
public record NameMatch(String imo, String name, float score) {
}
