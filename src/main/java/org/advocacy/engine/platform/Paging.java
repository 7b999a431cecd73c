package org.advocacy.engine.platform;

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

    /** For pages of a fixed size that people follow by links: a page beyond any list is the last empty one. */
    public static int shownPage(int page, int size) {
        return (int) Math.min(Math.max(0, page), Integer.MAX_VALUE / size);
    }
}
