#pragma once

#include <cstddef>
#include <functional>

namespace ch::risk {

//! How a long core job talks to whoever started it, without knowing about Qt (STYLE.md §6).
//! Both callbacks are optional and are only ever called from the thread that called the job
//! (never from its worker threads), so they need not be thread-safe themselves.
struct RunControl
{
    //! Called in roughly 1% steps with the work done so far and the total (paths for a
    //! Monte Carlo run), and once at the end.
    std::function<void(std::size_t done, std::size_t total)> progress;
    //! Polled at least every 5 ms while the job runs; returning true stops it. Workers see the
    //! stop before their next block, so a run stops within a few milliseconds.
    std::function<bool()> stopRequested;
};

} // namespace ch::risk
