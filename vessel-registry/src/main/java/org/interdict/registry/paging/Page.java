package org.interdict.registry.paging;

import java.util.List;

/** One page of a list, with the cursor of the next page (null on the last). */
public record Page<T>(List<T> items, String next) {
}
