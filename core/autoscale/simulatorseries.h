#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <mutex>
#include <type_traits>
#include <vector>

namespace headroom::autoscale {

/// Large series buffers freed by one simulation, kept for the next. A simulation writes megabytes of
/// fresh result memory (a month at 15 s ticks is 1.4 MB per changing series), which the system
/// allocator returns to the kernel when the result is freed, so every run paid for the same pages
/// again (a page fault per 4 KB, a fifth of a run's time); runs repeat with the same tick count (a
/// view re-simulating as a slider moves, the benchmark). Keeps buffers of at least MinBytes, at most
/// MaxBytes in all (the oldest are released first), and hands one out again for a request of exactly
/// its size. Thread-safe; the contents of a reused buffer are whatever was left in it.
class SeriesBufferCache {
public:
    static constexpr std::size_t MinBytes = std::size_t(16) << 10;
    static constexpr std::size_t MaxBytes = std::size_t(64) << 20;

    /// `bytes` of storage: a kept buffer of that size, else new storage.
    static void *allocate(std::size_t bytes)
    {
        if (bytes >= MinBytes) {
            Pool &p = pool();
            const std::lock_guard lock(p.mutex);
            for (std::size_t i = p.buffers.size(); i-- > 0;) { // the newest first
                if (p.buffers[i].bytes != bytes)
                    continue;
                void *data = p.buffers[i].data;
                p.buffers.erase(p.buffers.begin() + std::ptrdiff_t(i));
                p.total -= bytes;
                return data;
            }
        }
        return ::operator new(bytes);
    }
    /// Gives back storage from allocate(`bytes`): kept when large, else released.
    static void deallocate(void *data, std::size_t bytes)
    {
        if (bytes < MinBytes || bytes > MaxBytes) {
            ::operator delete(data);
            return;
        }
        Pool &p = pool();
        const std::lock_guard lock(p.mutex);
        while (p.total + bytes > MaxBytes) { // room for it: the oldest go
            ::operator delete(p.buffers.front().data);
            p.total -= p.buffers.front().bytes;
            p.buffers.erase(p.buffers.begin());
        }
        p.buffers.push_back({data, bytes});
        p.total += bytes;
    }
    /// Bytes kept now.
    static std::size_t keptBytes()
    {
        Pool &p = pool();
        const std::lock_guard lock(p.mutex);
        return p.total;
    }

private:
    struct Buffer {
        void *data;
        std::size_t bytes;
    };
    struct Pool {
        std::mutex mutex;
        std::vector<Buffer> buffers; ///< oldest first
        std::size_t total = 0;
    };
    /// Never destroyed: series may still be freed while static objects are destroyed at exit.
    static Pool &pool()
    {
        static Pool *const p = new Pool;
        return *p;
    }
};

/// The allocator of a series' values: large buffers go through SeriesBufferCache.
template <typename T>
struct SeriesAllocator {
    using value_type = T;
    SeriesAllocator() = default;
    template <typename U>
    SeriesAllocator(const SeriesAllocator<U> &) {}
    T *allocate(std::size_t n) { return static_cast<T *>(SeriesBufferCache::allocate(n * sizeof(T))); }
    void deallocate(T *p, std::size_t n) { SeriesBufferCache::deallocate(p, n * sizeof(T)); }
    friend bool operator==(const SeriesAllocator &, const SeriesAllocator &) { return true; }
};

/// One value per simulation tick, read like a const std::vector<T> (size(), operator[], front(),
/// back(), iteration by value) but stored compactly: ticks go in blocks of 32, and a block whose
/// ticks all hold the same value (bit for bit) keeps that value once. A tier that sits at one size
/// for a simulated month keeps a few kilobytes per series instead of a megabyte; a series that
/// changes at every tick costs 4 bytes per block more than a vector. Reads are O(1). At most 2^32
/// stored values (the CLI caps a run at 5 million ticks).
/// A series can also be a scaled view of a shared vector (scaled()): the value at tick i is
/// base[i] x scale, computed on read, the way the simulator's demand is the traffic multiplier times
/// a tier's arrivals per unit of it; the tiers then share the multipliers instead of a copy each.
/// Appending to a view first stores its values.
template <typename T>
class TickSeries {
    static_assert(std::is_arithmetic_v<T> && (sizeof(T) == 4 || sizeof(T) == 8));

public:
    using value_type = T;
    using size_type = std::size_t;

    /// A random-access iterator yielding values (like std::views::iota's, its reference is a value).
    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using iterator_concept = std::random_access_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using reference = T;
        using pointer = void;

        const_iterator() = default;
        const_iterator(const TickSeries *s, std::size_t i) : m_series(s), m_index(i) {}
        T operator*() const { return (*m_series)[m_index]; }
        T operator[](difference_type n) const { return (*m_series)[m_index + std::size_t(n)]; }
        const_iterator &operator++() { ++m_index; return *this; }
        const_iterator operator++(int) { const_iterator old = *this; ++m_index; return old; }
        const_iterator &operator--() { --m_index; return *this; }
        const_iterator operator--(int) { const_iterator old = *this; --m_index; return old; }
        const_iterator &operator+=(difference_type n) { m_index += std::size_t(n); return *this; }
        const_iterator &operator-=(difference_type n) { m_index -= std::size_t(n); return *this; }
        friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
        friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
        friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const const_iterator &a, const const_iterator &b)
        {
            return difference_type(a.m_index) - difference_type(b.m_index);
        }
        friend bool operator==(const const_iterator &a, const const_iterator &b) { return a.m_index == b.m_index; }
        friend auto operator<=>(const const_iterator &a, const const_iterator &b) { return a.m_index <=> b.m_index; }

    private:
        const TickSeries *m_series = nullptr;
        std::size_t m_index = 0;
    };

    TickSeries() = default;
    TickSeries(std::initializer_list<T> values) { append(values.begin(), values.end()); }
    explicit TickSeries(const std::vector<T> &values) { append(values.begin(), values.end()); }

    /// The series base[i] x scale for i < n (n <= base->size()), sharing `base`.
    static TickSeries scaled(std::shared_ptr<const std::vector<T>> base, T scale, std::size_t n)
    {
        TickSeries s;
        s.m_base = std::move(base);
        s.m_scale = scale;
        s.m_size = n;
        return s;
    }

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    /// The value at `tick` (< size()).
    T operator[](std::size_t tick) const
    {
        if (m_base)
            return (*m_base)[tick] * m_scale;
        const std::size_t block = tick >> BlockBits;
        const std::size_t first = m_starts[block];
        const std::size_t end = block + 1 < m_starts.size() ? m_starts[block + 1] : m_values.size();
        return m_values[first + (end - first == 1 ? 0 : tick & BlockMask)];
    }
    T front() const { return (*this)[0]; }
    T back() const { return (*this)[m_size - 1]; }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, m_size}; }
    std::vector<T> toVector() const { return {begin(), end()}; }
    /// Equal sizes and values (compared with ==, as for vectors).
    friend bool operator==(const TickSeries &a, const TickSeries &b)
    {
        if (a.m_size != b.m_size)
            return false;
        // The same blocks (a block is stored once when its ticks are the same bit for bit): their
        // stored values stand for the same ticks, so comparing them compares every tick.
        if (!a.m_base && !b.m_base && a.m_starts == b.m_starts)
            return std::equal(a.m_values.begin(), a.m_values.end(), b.m_values.begin(), b.m_values.end());
        for (std::size_t i = 0; i < a.m_size; ++i)
            if (!(a[i] == b[i]))
                return false;
        return true;
    }

    /// Room for `ticks` values without reallocation (a buffer kept from an earlier series of that size
    /// when there is one, see SeriesBufferCache; else address space only, pages touched as written).
    void reserve(std::size_t ticks)
    {
        if (m_base)
            store();
        m_values.reserve(ticks);
        m_starts.reserve((ticks >> BlockBits) + 1);
    }
    /// Releases unused reserved room when most of it stayed unused.
    void squeeze()
    {
        if (m_values.capacity() - m_values.size() > m_values.size())
            m_values.shrink_to_fit();
    }
    /// Appends `n` (1..BlockSize) values; size() must be a multiple of BlockSize. The fast way to fill
    /// a series: one check per block instead of one per value.
    void appendBlock(const T *values, std::size_t n)
    {
        if (m_base)
            store();
        const bool uniform = allSame(values, n);
        m_starts.push_back(static_cast<std::uint32_t>(m_values.size()));
        if (uniform)
            m_values.push_back(values[0]);
        else
            m_values.insert(m_values.end(), values, values + n);
        m_uniform = uniform;
        m_size += n;
    }
    void push_back(T v)
    {
        if (m_base)
            store();
        const std::size_t inBlock = m_size & BlockMask;
        if (inBlock == 0) {
            m_starts.push_back(static_cast<std::uint32_t>(m_values.size()));
            m_values.push_back(v);
            m_uniform = true;
        } else if (!m_uniform) {
            m_values.push_back(v);
        } else if (!same(v, m_values.back())) { // the block's ticks so far held one value: spell them out
            const T held = m_values.back();
            m_values.insert(m_values.end(), inBlock - 1, held);
            m_values.push_back(v);
            m_uniform = false;
        }
        ++m_size;
    }

    static constexpr std::size_t BlockBits = 5;
    static constexpr std::size_t BlockSize = std::size_t(1) << BlockBits;

private:
    static constexpr std::size_t BlockMask = BlockSize - 1;

    using Bits = std::conditional_t<sizeof(T) == 8, std::uint64_t, std::uint32_t>;
    static Bits bits(T v)
    {
        if constexpr (std::is_floating_point_v<T>)
            return std::bit_cast<Bits>(v);
        else
            return static_cast<Bits>(v);
    }
    static bool same(T a, T b) { return bits(a) == bits(b); }
    /// Whether the `n` values are the same bit for bit. Doubles stop at the first value that differs
    /// (a series that moves with demand differs at its second tick); ints, mostly replica counts held
    /// for long stretches, are compared in one branch-free pass over a full block, which vectorizes.
    static bool allSame(const T *values, std::size_t n)
    {
        const Bits first = bits(values[0]);
        if (std::is_integral_v<T> && n == BlockSize) {
            Bits block[BlockSize];
            std::memcpy(block, values, sizeof block);
            Bits differ = 0;
            for (std::size_t i = 0; i < BlockSize; ++i)
                differ |= block[i] ^ first;
            return differ == 0;
        }
        for (std::size_t i = 1; i < n; ++i)
            if (bits(values[i]) != first)
                return false;
        return true;
    }

    /// Turns a scaled view into stored values.
    void store()
    {
        const std::shared_ptr<const std::vector<T>> base = std::move(m_base);
        const std::size_t n = m_size;
        m_base.reset();
        m_size = 0;
        for (std::size_t i = 0; i < n; ++i)
            push_back((*base)[i] * m_scale);
    }
    template <typename It>
    void append(It first, It last)
    {
        for (; first != last; ++first)
            push_back(*first);
    }

    std::vector<T, SeriesAllocator<T>> m_values; ///< per block: one value (uniform) or one per tick
    std::vector<std::uint32_t, SeriesAllocator<std::uint32_t>> m_starts; ///< per block: index of its first value in m_values
    std::size_t m_size = 0;
    bool m_uniform = true;                ///< the last block's ticks all hold m_values.back()
    std::shared_ptr<const std::vector<T>> m_base; ///< set: a scaled view, values base[i] x m_scale
    T m_scale = 1;
};

} // namespace headroom::autoscale
