#pragma once

#include <QTest>

#include <cmath>

//! QCOMPARE for doubles with an explicit absolute tolerance; prints both values on failure.
#define CH_COMPARE_NEAR(actual, expected, tolerance)                                               \
    do {                                                                                           \
        const double chActual_ = static_cast<double>(actual);                                      \
        const double chExpected_ = static_cast<double>(expected);                                  \
        const double chTol_ = static_cast<double>(tolerance);                                      \
        if (!(std::fabs(chActual_ - chExpected_) <= chTol_)) {                                     \
            QFAIL(qPrintable(QStringLiteral("%1 = %2, expected %3 = %4 within %5 (diff %6)")       \
                                 .arg(QStringLiteral(#actual))                                     \
                                 .arg(chActual_, 0, 'g', 12)                                       \
                                 .arg(QStringLiteral(#expected))                                   \
                                 .arg(chExpected_, 0, 'g', 12)                                     \
                                 .arg(chTol_, 0, 'g', 6)                                           \
                                 .arg(chActual_ - chExpected_, 0, 'g', 6)));                       \
        }                                                                                          \
    } while (false)
