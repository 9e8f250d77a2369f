package io.sitechrome.internal.servlet;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * A few arrays kept between requests, so that a page's held text and collected output do not cost
 * fresh arrays on every request. Bounded twice over: a fixed number of slots, and arrays larger
 * than {@code largest} are never kept. Taking and giving allocate nothing and never block; when
 * no kept array is large enough a new one is made, and when every slot is full a given array only
 * replaces a smaller one.
 *
 * @param <A> the array type, {@code byte[]} or {@code char[]}
 */
final class BufferPool<A> {

    /** Arrays for page bytes: held text and encoded output. */
    static final BufferPool<byte[]> BYTES = new BufferPool<>(byte[]::new, array -> array.length, 128 * 1024);
    /** Arrays for page characters: held text and collected output. */
    static final BufferPool<char[]> CHARS = new BufferPool<>(char[]::new, array -> array.length, 64 * 1024);

    /**
     * How many arrays a pool keeps: a page takes two or three at a time (held text, output, a larger
     * one while it grows), and requests overlap, so that fewer slots than this miss on 2 cores.
     */
    private static final int SLOTS = 16;

    private final AtomicReferenceArray<A> slots;
    private final IntFunction<A> maker;
    private final ToIntFunction<A> length;
    private final int largest;

    BufferPool(IntFunction<A> maker, ToIntFunction<A> length, int largest) {
        this.slots = new AtomicReferenceArray<>(SLOTS);
        this.maker = maker;
        this.length = length;
        this.largest = largest;
    }

    /**
     * An array of at least {@code capacity}: a kept one when one is large enough, else a new one
     * (of at least {@code capacity}, rounded up to a kept size when that is not too large).
     *
     * @param capacity the least length needed
     * @return an array whose contents are undefined
     */
    A take(int capacity) {
        int start = start();
        for (int i = 0, n = slots.length(); i < n; i++) {
            int slot = (start + i) % n;
            A array = slots.get(slot);
            if (array != null && length.applyAsInt(array) >= capacity && slots.compareAndSet(slot, array, null)) return array;
        }
        return maker.apply(capacity);
    }

    /**
     * Keeps {@code array} for a later {@link #take}, unless it is too large: in an empty slot, or in
     * place of the smallest kept array when that is smaller (so that the arrays kept grow to the
     * sizes pages need). The caller must not use it afterwards.
     *
     * @param array an array from {@link #take} or elsewhere; null is ignored
     */
    void give(A array) {
        int size = array == null ? 0 : length.applyAsInt(array);
        if (size == 0 || size > largest) return;
        int start = start();
        int smallestSlot = -1;
        A smallest = null;
        for (int i = 0, n = slots.length(); i < n; i++) {
            int slot = (start + i) % n;
            A kept = slots.get(slot);
            if (kept == null) {
                if (slots.compareAndSet(slot, null, array)) return;
            } else if (length.applyAsInt(kept) < size && (smallest == null || length.applyAsInt(kept) < length.applyAsInt(smallest))) {
                smallest = kept;
                smallestSlot = slot;
            }
        }
        if (smallest != null) slots.compareAndSet(smallestSlot, smallest, array);
    }

    /** How many arrays are kept now. */
    int kept() {
        int kept = 0;
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != null) kept++;
        }
        return kept;
    }

    /** Where a thread starts looking, so that threads mostly use slots of their own. */
    private int start() {
        return (int) (Thread.currentThread().getId() & Integer.MAX_VALUE);
    }
}
