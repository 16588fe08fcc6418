package org.uprflow.recommendation;

/** A theme of a cycle's register and how many recommendations carry it: the choices of the theme filter. */
record ThemeCount(String theme, int recommendations) {
}
