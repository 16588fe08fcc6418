package org.uprflow.recommendation;

import java.util.List;

/** One page of a longer list: {@code total} items in all, {@code page} counted from 0. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {
}
