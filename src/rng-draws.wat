;; The bootstrap's resample draws (src/rng.ts, Rng.countInts drives it).
;;
;; Bitwise contract with src/rng.ts's drawInts (the TypeScript reference, itself checked against
;; pure-rand's `int` draw for draw in tests/unit/rng.test.ts): the same xoroshiro128+ step on the
;; four 32-bit halves pure-rand keeps, the same rejection bound, and the same float64 remainder
;; through the reciprocal (IEEE operations one by one; wasm never fuses a multiply and an add).
;; So the same counts, and the same generator state afterwards.
;;
;; Why hand-written: the draws are a third of a binary bootstrap and most of a regression
;; bootstrap over 600k rows (100M draws); V8 runs the TypeScript loop at 8-21 ns a draw, carrying
;; values as doubles and checking every typed-array access. No library draws pure-rand's stream.
(module
  (import "env" "memory" (memory 1))

  ;; For each of `draws` draws v of int(n): counts[v] += 1, as an i32 at $counts + 4v when $bytes
  ;; is 4, as a byte at $counts + v when it is 1. Returns the number of byte counts that wrapped
  ;; from 255 to 0 (always 0 for i32 counts): byte counts are right only when it is 0.
  ;; Why bytes: 600k byte counts fit a core's L2 cache where 2.4 MB of i32 counts do not, and
  ;; the random increments are most of a draw's time (about a third less in all).
  ;; $state holds [s01, s00, s11, s10] (pure-rand's order), read at the start and written back.
  ;; $limit is pure-rand's maxAllowed (2^32 when nothing is rejected), $inverse is 1 / n.
  (func (export "count")
    (param $counts i32) (param $draws i32) (param $state i32)
    (param $n f64) (param $limit f64) (param $inverse f64) (param $bytes i32)
    (result i32)
    (local $s01 i32) (local $s00 i32) (local $s11 i32) (local $s10 i32)
    (local $a0 i32) (local $a1 i32) (local $t00 i32) (local $t01 i32)
    (local $i i32) (local $value f64) (local $rest f64) (local $at i32)
    (local $count i32) (local $wrapped i32)
    (local.set $s01 (i32.load (local.get $state)))
    (local.set $s00 (i32.load offset=4 (local.get $state)))
    (local.set $s11 (i32.load offset=8 (local.get $state)))
    (local.set $s10 (i32.load offset=12 (local.get $state)))
    (block $done
      (loop $draw
        (br_if $done (i32.ge_u (local.get $i) (local.get $draws)))
        (loop $reject
          ;; pure-rand's next() + 2^31, as a uint32: the high halves' sum with its sign bit flipped.
          (local.set $value (f64.convert_i32_u
            (i32.xor (i32.add (local.get $s00) (local.get $s10)) (i32.const 0x80000000))))
          (local.set $a0 (i32.xor (local.get $s10) (local.get $s00)))
          (local.set $a1 (i32.xor (local.get $s11) (local.get $s01)))
          (local.set $t00 (local.get $s00))
          (local.set $t01 (local.get $s01))
          (local.set $s00 (i32.xor (i32.xor (i32.shl (local.get $t00) (i32.const 24)) (i32.shr_u (local.get $t01) (i32.const 8)))
                                   (i32.xor (local.get $a0) (i32.shl (local.get $a0) (i32.const 16)))))
          (local.set $s01 (i32.xor (i32.xor (i32.shl (local.get $t01) (i32.const 24)) (i32.shr_u (local.get $t00) (i32.const 8)))
                                   (i32.xor (local.get $a1)
                                            (i32.or (i32.shl (local.get $a1) (i32.const 16)) (i32.shr_u (local.get $a0) (i32.const 16))))))
          (local.set $s10 (i32.xor (i32.shl (local.get $a1) (i32.const 5)) (i32.shr_u (local.get $a0) (i32.const 27))))
          (local.set $s11 (i32.xor (i32.shl (local.get $a0) (i32.const 5)) (i32.shr_u (local.get $a1) (i32.const 27))))
          (br_if $reject (f64.ge (local.get $value) (local.get $limit))))
        ;; value % n: the quotient through the reciprocal, off by at most one, then corrected.
        (local.set $rest (f64.sub (local.get $value)
                                  (f64.mul (f64.floor (f64.mul (local.get $value) (local.get $inverse))) (local.get $n))))
        (if (f64.lt (local.get $rest) (f64.const 0))
          (then (local.set $rest (f64.add (local.get $rest) (local.get $n))))
          (else (if (f64.ge (local.get $rest) (local.get $n))
            (then (local.set $rest (f64.sub (local.get $rest) (local.get $n)))))))
        (if (i32.eq (local.get $bytes) (i32.const 4))
          (then
            (local.set $at (i32.add (local.get $counts) (i32.shl (i32.trunc_f64_u (local.get $rest)) (i32.const 2))))
            (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (i32.const 1))))
          (else
            (local.set $at (i32.add (local.get $counts) (i32.trunc_f64_u (local.get $rest))))
            (local.set $count (i32.and (i32.add (i32.load8_u (local.get $at)) (i32.const 1)) (i32.const 255)))
            (i32.store8 (local.get $at) (local.get $count))
            (local.set $wrapped (i32.add (local.get $wrapped) (i32.eqz (local.get $count))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $draw)))
    (i32.store (local.get $state) (local.get $s01))
    (i32.store offset=4 (local.get $state) (local.get $s00))
    (i32.store offset=8 (local.get $state) (local.get $s11))
    (i32.store offset=12 (local.get $state) (local.get $s10))
    (local.get $wrapped))

  ;; Advances the generator at $state past `draws` draws of int(n) without counting them: the
  ;; same xoroshiro128+ steps and rejections as `count`, so the state ends where count's would.
  ;; Why: a helper thread of the bootstrap starts at resample k, so it first passes k resamples'
  ;; draws; without the remainder and the random increment a draw costs a fraction of count's.
  (func (export "skip")
    (param $draws i32) (param $state i32) (param $limit f64)
    (local $s01 i32) (local $s00 i32) (local $s11 i32) (local $s10 i32)
    (local $a0 i32) (local $a1 i32) (local $t00 i32) (local $t01 i32)
    (local $i i32) (local $value f64)
    (local.set $s01 (i32.load (local.get $state)))
    (local.set $s00 (i32.load offset=4 (local.get $state)))
    (local.set $s11 (i32.load offset=8 (local.get $state)))
    (local.set $s10 (i32.load offset=12 (local.get $state)))
    (block $done
      (loop $draw
        (br_if $done (i32.ge_u (local.get $i) (local.get $draws)))
        (loop $reject
          (local.set $value (f64.convert_i32_u
            (i32.xor (i32.add (local.get $s00) (local.get $s10)) (i32.const 0x80000000))))
          (local.set $a0 (i32.xor (local.get $s10) (local.get $s00)))
          (local.set $a1 (i32.xor (local.get $s11) (local.get $s01)))
          (local.set $t00 (local.get $s00))
          (local.set $t01 (local.get $s01))
          (local.set $s00 (i32.xor (i32.xor (i32.shl (local.get $t00) (i32.const 24)) (i32.shr_u (local.get $t01) (i32.const 8)))
                                   (i32.xor (local.get $a0) (i32.shl (local.get $a0) (i32.const 16)))))
          (local.set $s01 (i32.xor (i32.xor (i32.shl (local.get $t01) (i32.const 24)) (i32.shr_u (local.get $t00) (i32.const 8)))
                                   (i32.xor (local.get $a1)
                                            (i32.or (i32.shl (local.get $a1) (i32.const 16)) (i32.shr_u (local.get $a0) (i32.const 16))))))
          (local.set $s10 (i32.xor (i32.shl (local.get $a1) (i32.const 5)) (i32.shr_u (local.get $a0) (i32.const 27))))
          (local.set $s11 (i32.xor (i32.shl (local.get $a0) (i32.const 5)) (i32.shr_u (local.get $a1) (i32.const 27))))
          (br_if $reject (f64.ge (local.get $value) (local.get $limit))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $draw)))
    (i32.store (local.get $state) (local.get $s01))
    (i32.store offset=4 (local.get $state) (local.get $s00))
    (i32.store offset=8 (local.get $state) (local.get $s11))
    (i32.store offset=12 (local.get $state) (local.get $s10)))
)
