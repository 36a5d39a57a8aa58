#pragma once

#include <QObject>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ch::test {

//! Test classes register themselves here (CH_REGISTER_TEST) so one shared main per module
//! executable runs them all with QTest::qExec and fails if any fails.
struct RegisteredTest
{
    std::string name;
    std::function<std::unique_ptr<QObject>()> make;
};

std::vector<RegisteredTest>& registry();

struct Registrar
{
    Registrar(const char* name, std::function<std::unique_ptr<QObject>()> make)
    {
        registry().push_back({name, std::move(make)});
    }
};

} // namespace ch::test

#define CH_REGISTER_TEST(Class)                                                                    \
    static const ::ch::test::Registrar chRegistrar_##Class(                                        \
        #Class, [] { return std::unique_ptr<QObject>(new Class); })
