#pragma once

namespace callos::client {

// Where the jitter of retries comes from. Injected so tests pick the values.
class RandomSource
{
public:
    virtual ~RandomSource() = default;
    // Uniform in [0, 1).
    virtual double unit() = 0;
};

class SystemRandom final : public RandomSource
{
public:
    double unit() override;
};

} // namespace callos::client
