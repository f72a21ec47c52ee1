package io.kapture.synthetic.internal.paint;

/**
 * Where and how a frame carries its sequence number for machines: {@value #BITS} square blocks of white (1) or
 * black (0), the low 32 bits of the sequence number most significant bit first, then 8 check bits, laid out
 * left to right from the top-left corner and wrapping onto further rows on narrow frames. Blocks are 8 pixels
 * square where they fit (aligned with JPEG's 8x8 blocks so MJPEG frames keep them readable), else 4 or 2.
 *
 * <p>Both the painter and {@link io.kapture.synthetic.SyntheticFrames}' decoder derive the layout from the
 * frame size alone, so they always agree.
 *
 * <p>Immutable; safe from any thread.
 */
public final class CodeLayout {
    /** Blocks in the code: 32 sequence bits and 8 check bits. */
    public static final int BITS = 40;

    private static final int[] BLOCK_SIZES = {8, 4, 2};
    private static final int CHECK_SALT = 0x5A;

    private final int blockSize;
    private final int rows;
    private final Rect[] blocks = new Rect[BITS];

    private CodeLayout(int blockSize, int perRow) {
        this.blockSize = blockSize;
        this.rows = (BITS + perRow - 1) / perRow;
        for (int bit = 0; bit < BITS; bit++) {
            blocks[bit] = new Rect(bit % perRow * blockSize, bit / perRow * blockSize, blockSize, blockSize);
        }
    }

    /**
     * The layout for a frame of this size.
     *
     * @throws IllegalArgumentException if the frame is too small to carry the code (the synthetic camera's
     *                                  smallest frame, 16x16, is large enough)
     */
    public static CodeLayout of(int width, int height) {
        for (int size : BLOCK_SIZES) {
            int perRow = width / size;
            if (perRow > 0 && (BITS + perRow - 1) / perRow * size <= height) {
                return new CodeLayout(size, perRow);
            }
        }
        throw new IllegalArgumentException("a " + width + "x" + height
                + " frame is too small to carry a synthetic sequence code; 16x16 is the smallest that does");
    }

    /** Side of one block in pixels. */
    public int blockSize() {
        return blockSize;
    }

    /** Lines the code occupies from the top. */
    public int height() {
        return rows * blockSize;
    }

    /**
     * The block of bit {@code bit} (0 = the sequence number's most significant bit). Made once per layout, so
     * painting the code allocates nothing.
     */
    public Rect block(int bit) {
        return blocks[bit];
    }

    /** The {@value #BITS}-bit word a frame with this sequence number carries. */
    public static long encode(long sequence) {
        long low = sequence & 0xFFFF_FFFFL;
        return low << 8 | check(low);
    }

    /** The sequence number in a word read from a frame, or -1 if its check bits do not match. */
    public static long decode(long word) {
        long sequence = word >>> 8 & 0xFFFF_FFFFL;
        return (word & 0xFF) == check(sequence) ? sequence : -1;
    }

    private static int check(long sequence) {
        long folded = sequence ^ sequence >>> 8 ^ sequence >>> 16 ^ sequence >>> 24;
        return (int) (folded & 0xFF) ^ CHECK_SALT;
    }
}
