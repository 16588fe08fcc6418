package org.uprflow.matrix;

import java.util.List;

/** A version of the matrix with its rows. */
record MatrixVersionView(MatrixVersion version, List<MatrixEntry> entries) {
}
