package org.advocacy.engine.platform;

import java.util.List;
import java.util.function.LongSupplier;

import org.springframework.http.ResponseEntity;

/**
 * The one rule for {@code page} and {@code size} parameters: a page number of 0 or more, a size
 * between 1 and the list's largest page, and an offset that fits the database's row counts; any
 * other is refused (400), never wrapped around into a negative offset.
 */
public final class Paging {

    private Paging() {
    }

    /** The offset of that page; BadRequest when page or size is out of range. */
    public static int offset(int page, int size, int largestPage) {
        if (page < 0 || size < 1 || size > largestPage) {
            throw new BadRequest("page must be 0 or more and size between 1 and " + largestPage);
        }
        long offset = (long) page * size;
        if (offset > Integer.MAX_VALUE) {
            throw new BadRequest("page " + page + " is beyond any list");
        }
        return (int) offset;
    }

    /** Reads {@code limit} rows from {@code offset} of a list. */
    public interface Rows<T> {
        List<T> read(int offset, int limit);
    }

    /** That page of a list as the API answers it: the rows, and the list's total in {@code X-Total-Count}. */
    public static <T> ResponseEntity<List<T>> answer(int page, int size, int largestPage, LongSupplier total, Rows<T> rows) {
        int offset = offset(page, size, largestPage);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(total.getAsLong())).body(rows.read(offset, size));
    }

    /** For pages of a fixed size that people follow by links: a page beyond any list is the last empty one. */
    public static int shownPage(int page, int size) {
        return (int) Math.min(Math.max(0, page), Integer.MAX_VALUE / size);
    }
}
