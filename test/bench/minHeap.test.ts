import { describe, expect, it } from 'vitest';
import { MinHeap } from '../../bench/runsPerDrop/minHeap';
import { seededRandom } from '../../bench/runsPerDrop/simulatedBlueshift';

describe('Class: MinHeap', () => {
  it('pops items least first, whatever order they were pushed in', () => {
    // Prepare
    const heap = new MinHeap<number>((a, b) => a < b);
    const random = seededRandom(11);
    const values = Array.from({ length: 500 }, () => Math.floor(random() * 1_000));
    for (const value of values) heap.push(value);

    // Act
    const popped: number[] = [];
    for (let value = heap.pop(); value !== undefined; value = heap.pop()) popped.push(value);

    // Assess
    expect(popped).toEqual([...values].sort((a, b) => a - b));
    expect(heap.size).toBe(0);
  });

  it('peeks at the least item without removing it, and pops nothing from an empty heap', () => {
    // Prepare
    const heap = new MinHeap<number>((a, b) => a < b);
    heap.push(3);
    heap.push(1);

    // Act / Assess
    expect(heap.peek()).toBe(1);
    expect(heap.size).toBe(2);
    expect([heap.pop(), heap.pop(), heap.pop()]).toEqual([1, 3, undefined]);
  });
});
