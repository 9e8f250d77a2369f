package io.sitechrome.internal.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BufferPoolTest {

    private final BufferPool<byte[]> pool = new BufferPool<>(byte[]::new, array -> array.length, 1024);

    @Test
    void aGivenArrayIsTakenAgainWhenLargeEnough() {
        byte[] kept = new byte[512];
        pool.give(kept);
        assertNotSame(kept, pool.take(513), "too small: a new one");
        assertSame(kept, pool.take(100));
        assertEquals(0, pool.kept());
        assertEquals(100, pool.take(100).length, "an empty pool makes one");
    }

    @Test
    void itKeepsAFixedNumberOfArraysAndNoneTooLarge() {
        pool.give(new byte[2048]);
        assertEquals(0, pool.kept(), "larger than the pool keeps");
        for (int i = 0; i < 1000; i++) pool.give(new byte[64]);
        int slots = pool.kept();
        assertTrue(slots > 0 && slots <= 16, "bounded: " + slots);
    }

    @Test
    void whenFullALargerArrayReplacesTheSmallest() {
        for (int i = 0; i < 100; i++) pool.give(new byte[64]);
        int slots = pool.kept();
        byte[] large = new byte[1000];
        pool.give(large);
        assertEquals(slots, pool.kept());
        assertSame(large, pool.take(999), "kept in place of a small one");
    }
}
