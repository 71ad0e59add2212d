package io.wksemu.stats;

import java.util.Arrays;

/** Selection of a page's keys among all matches, shared by the query indexes. */
final class TopK {

    private TopK() {
    }

    /**
     * The {@code k} smallest of the first {@code n} keys, in ascending order. A page near the top (the usual case) is selected with a
     * bounded max-heap in O(n log k); a page past half the matches sorts everything.
     */
    static long[] smallest(long[] keys, int n, int k) {
        if (k <= 0) {
            return new long[0];
        }
        if ((long) k * 2 >= n) {
            long[] all = Arrays.copyOf(keys, n);
            Arrays.sort(all);
            return all;
        }
        long[] heap = Arrays.copyOf(keys, k);
        for (int j = k / 2 - 1; j >= 0; j--) {
            siftDown(heap, j, k);
        }
        for (int j = k; j < n; j++) {
            if (keys[j] < heap[0]) {
                heap[0] = keys[j];
                siftDown(heap, 0, k);
            }
        }
        Arrays.sort(heap);
        return heap;
    }

    private static void siftDown(long[] heap, int j, int size) {
        long v = heap[j];
        while (true) {
            int child = 2 * j + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] > heap[child]) {
                child++;
            }
            if (heap[child] <= v) {
                break;
            }
            heap[j] = heap[child];
            j = child;
        }
        heap[j] = v;
    }
}
