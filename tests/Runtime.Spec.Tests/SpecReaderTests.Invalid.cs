using System;
using Xunit;

namespace Runtime.Spec.Tests;

/// <summary>
/// Every kind of mistake in f.yml, each with the exact messages and positions it reports (the compiler-style lines
/// the CLI prints). A row's file has only the mistakes its title names.
/// </summary>
public sealed partial class SpecReaderTests
{
    public static TheoryData<string, string, string> Invalid => new()
    {
        {
            "empty file",
            "",
            """
            f.yml:1:1: error: the file is empty; expected a mapping with 'service', 'provider' and 'functions'
            """
        },
        {
            "root is a list",
            """
            - service
            """,
            """
            f.yml:1:1: error: f.yml must be a mapping with 'service', 'provider' and 'functions'; got a list
            """
        },
        {
            "YAML syntax error",
            """
            service: shop
            provider: [aws
            """,
            """
            f.yml:3:1: error: YAML syntax error: while parsing a flow sequence, did not find expected ',' or ']'
            """
        },
        {
            "unquoted path parameter in a flow mapping",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - http: {path: /users/{id}, method: GET}
            """,
            """
            f.yml:6:29: error: YAML syntax error: while parsing a flow mapping, did not find expected ',' or '}' (inside '{...}', quote a value that contains '{' or '}', e.g. path: "/users/{id}")
            """
        },
        {
            "duplicate key",
            """
            service: shop
            service: cart
            provider: {name: aws}
            functions: {hello: }
            """,
            """
            f.yml:2:1: error: duplicate key 'service' (first at 1:1)
            """
        },
        {
            "misspelt root key: reported once, not also as missing",
            """
            service: shop
            provider: {name: aws}
            fucntions: {hello: }
            """,
            """
            f.yml:3:1: error: unknown key 'fucntions' in the file (did you mean 'functions'?)
            """
        },
        {
            "missing every required key",
            """
            name: shop
            """,
            """
            f.yml:1:1: error: the file has no 'service'; expected a name (lower-case letters, digits and hyphens)
            f.yml:1:1: error: the file has no 'provider'; expected a mapping with the cloud's 'name'
            f.yml:1:1: error: the file has no 'functions'; expected a mapping of function names to their settings
            f.yml:1:1: error: unknown key 'name' in the file; expected service, provider, layers, functions or aggregation
            """
        },
        {
            "invalid service name",
            """
            service: Shop
            provider: {name: aws}
            functions: {hello: }
            """,
            """
            f.yml:1:10: error: the service name 'Shop' must start with a lower-case letter
            """
        },
        {
            "provider is a scalar",
            """
            service: shop
            provider: aws
            functions: {hello: }
            """,
            """
            f.yml:2:11: error: 'provider' must be a mapping with the cloud's 'name'; got 'aws'
            """
        },
        {
            "unknown cloud",
            """
            service: shop
            provider:
              name: amazon
            functions: {hello: }
            """,
            """
            f.yml:3:9: error: unknown cloud 'amazon'; expected aws, tencent, aliyun, huawei, azure or knative
            """
        },
        {
            "cloud in the wrong case",
            """
            service: shop
            provider:
              name: AWS
            functions: {hello: }
            """,
            """
            f.yml:3:9: error: unknown cloud 'AWS'; expected aws, tencent, aliyun, huawei, azure or knative (did you mean 'aws'?)
            """
        },
        {
            "memorySize not a number",
            """
            service: shop
            provider:
              name: aws
              memorySize: big
            functions: {hello: }
            """,
            """
            f.yml:4:15: error: 'memorySize' must be a whole number of MB from 64 to 32768; got 'big'
            """
        },
        {
            "memorySize too small, timeout negative",
            """
            service: shop
            provider:
              name: aws
              memorySize: 32
              timeout: -1
            functions: {hello: }
            """,
            """
            f.yml:4:15: error: 'memorySize' must be a whole number of MB from 64 to 32768; got '32'
            f.yml:5:12: error: 'timeout' must be a whole number of seconds from 1 to 86400; got '-1'
            """
        },
        {
            "region and stage",
            """
            service: shop
            provider:
              name: aws
              region: US_EAST
              stage: Prod
            functions: {hello: }
            """,
            """
            f.yml:4:11: error: region 'US_EAST' may contain only lower-case letters, digits and hyphens
            f.yml:5:10: error: stage 'Prod' must start with a lower-case letter
            """
        },
        {
            "provider unknown key",
            """
            service: shop
            provider:
              name: aws
              memory: 128
            functions: {hello: }
            """,
            """
            f.yml:4:3: error: unknown key 'memory' in provider; expected name, region, stage, memorySize, timeout, initTimeout, concurrency or environment
            """
        },
        {
            "environment: reserved, bad name, null",
            """
            service: shop
            provider:
              name: aws
              environment:
                FAAS_HANDLER: x
                1X: y
                EMPTY:
            functions: {hello: }
            """,
            """
            f.yml:5:5: error: 'FAAS_HANDLER' is reserved: the runtime sets the FAAS_ variables
            f.yml:6:5: error: '1X' is not a valid environment variable name; expected a letter, then letters, digits and '_'
            f.yml:7:5: error: 'EMPTY' has no value; write '' for an empty string
            """
        },
        {
            "env reference not set",
            """
            service: shop
            provider:
              name: aws
              environment:
                URL: "https://${env.HOST}/api"
            functions: {hello: }
            """,
            """
            f.yml:5:19: error: environment variable 'HOST' is not set (referenced as '${env.HOST}')
            """
        },
        {
            "unsupported reference",
            """
            service: shop
            provider:
              name: aws
              stage: ${opt:stage}
            functions: {hello: }
            """,
            """
            f.yml:4:10: error: unsupported reference '${opt:stage}'; only ${env.NAME} is substituted (write $${ for a literal '${')
            """
        },
        {
            "unclosed reference",
            """
            service: shop
            provider:
              name: aws
              region: ${env.REGION
            functions: {hello: }
            """,
            """
            f.yml:4:11: error: '${' is never closed; expected ${env.NAME} (write $${ for a literal '${')
            """
        },
        {
            "no functions",
            """
            service: shop
            provider: {name: aws}
            functions: {}
            """,
            """
            f.yml:3:1: error: 'functions' is empty; a service has at least one function
            """
        },
        {
            "invalid function name",
            """
            service: shop
            provider: {name: aws}
            functions:
              Hello_World:
                handler: hello
            """,
            """
            f.yml:4:3: error: function name 'Hello_World' must start with a lower-case letter
            """
        },
        {
            "function unknown key",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                memroySize: 128
            """,
            """
            f.yml:5:5: error: unknown key 'memroySize' in function 'hello' (did you mean 'memorySize'?)
            """
        },
        {
            "invalid handler",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                handler: hello world
            """,
            """
            f.yml:5:14: error: handler 'hello world' is not valid; expected the name the function is registered under (letters, digits, '-', '_', '.' and ':')
            """
        },
        {
            "undefined layer, layer twice",
            """
            service: shop
            provider: {name: aws}
            layers:
              metrics: {path: ./metrics}
            functions:
              hello:
                layers: [metric, metrics, metrics]
            """,
            """
            f.yml:7:14: error: layer 'metric' is not defined in 'layers' (did you mean 'metrics'?)
            f.yml:7:31: error: layer 'metrics' is listed twice
            """
        },
        {
            "layer with no path, bad setting",
            """
            service: shop
            provider: {name: aws}
            layers:
              metrics:
                settings: {bad-key: 1}
            functions:
              hello:
                layers: [metrics]
            """,
            """
            f.yml:4:3: error: layer 'metrics' has no 'path'; expected the layer's folder, relative to f.yml
            f.yml:5:16: error: 'bad-key' is not a valid setting name; expected a letter, then letters, digits and '_'
            """
        },
        {
            "events not a list",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  http: {path: /}
            """,
            """
            f.yml:6:7: error: 'events' must be a list of events ('- http: ...'); got a mapping
            """
        },
        {
            "event with two keys",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - http:
                    path: /hello
            """,
            """
            f.yml:6:9: error: an event must be a one-key mapping: http, apigw, timer, os, mq or log; got 2 keys (indent the event's settings under its kind)
            """
        },
        {
            "unknown event kind",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - htpp: {path: /}
            """,
            """
            f.yml:6:9: error: unknown event 'htpp'; expected http, apigw, timer, os, mq or log (did you mean 'http'?)
            """
        },
        {
            "http path without slash",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - http: {path: hello}
            """,
            """
            f.yml:6:22: error: path 'hello' must start with '/'
            """
        },
        {
            "express-style parameter",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - http:
                      path: /users/:id
            """,
            """
            f.yml:7:17: error: path '/users/:id' has ':id', an Express-style parameter; write '{id}'
            """
        },
        {
            "greedy parameter not last",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - http:
                      path: /files/{rest+}/meta
            """,
            """
            f.yml:7:17: error: path '/files/{rest+}/meta' may have the greedy parameter '{rest+}' only as its last segment
            """
        },
        {
            "unknown methods",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - http:
                      path: /hello
                      method: [GTE, FETCH]
            """,
            """
            f.yml:8:20: error: unknown HTTP method 'GTE'; expected GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY (did you mean 'GET'?)
            f.yml:8:25: error: unknown HTTP method 'FETCH'; expected GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY (did you mean 'PATCH'?)
            """
        },
        {
            "ANY with another method, twice",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - http:
                      path: /hello
                      method: [get, ANY, GET]
            """,
            """
            f.yml:8:25: error: ANY cannot be listed with other methods: it already means every method
            f.yml:8:30: error: method 'GET' is listed twice
            """
        },
        {
            "method and methods",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - http:
                      path: /hello
                      method: GET
                      methods: [POST]
            """,
            """
            f.yml:9:11: error: the event has both 'method' and 'methods'; keep one
            """
        },
        {
            "timer without cron or rate",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - timer:
                      payload: x
            """,
            """
            f.yml:6:9: error: the timer has neither 'cron' nor 'rate'; expected one of them
            """
        },
        {
            "timer with both",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - timer:
                      cron: "0 * * * *"
                      rate: 1h
            """,
            """
            f.yml:8:11: error: the timer has both 'cron' and 'rate'; expected one of them
            """
        },
        {
            "cron with six fields",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - timer: {cron: "0 0 12 * * ?"}
            """,
            """
            f.yml:6:23: error: cron '0 0 12 * * ?' has 6 fields; expected 5: minute hour day-of-month month day-of-week
            """
        },
        {
            "cron minute out of range",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - timer: {cron: "61 * * * *"}
            """,
            """
            f.yml:6:23: error: cron '61 * * * *' has an invalid minute '61': 61 is out of range 0-59
            """
        },
        {
            "cron question mark",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - timer: {cron: "0 12 ? * MON"}
            """,
            """
            f.yml:6:23: error: cron '0 12 ? * MON' has an invalid day-of-month '?': '?' is not portable; use '*'
            """
        },
        {
            "rate in seconds, rate zero",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - timer: {rate: 30s}
                  - timer: {rate: 0m}
            """,
            """
            f.yml:6:23: error: rate '30s' is not valid; expected <n>m, <n>h or <n>d with n a positive integer
            f.yml:7:23: error: rate '0m' must be positive
            """
        },
        {
            "enabled not a boolean",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - timer: {rate: 1h, enabled: maybe}
            """,
            """
            f.yml:6:36: error: 'enabled' must be true or false; got 'maybe'
            """
        },
        {
            "os without bucket, unknown storage event",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - os:
                      events: [created, modified]
            """,
            """
            f.yml:6:9: error: the os event of function 'hello' has no 'bucket'; expected the bucket name
            f.yml:7:29: error: unknown storage event 'modified'; expected created or deleted
            """
        },
        {
            "mq batchSize zero, log without project",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - mq: {topic: orders, batchSize: 0}
                  - log: {store: access}
            """,
            """
            f.yml:6:40: error: 'batchSize' must be a whole number from 1 to 10000; got '0'
            f.yml:7:9: error: the log event of function 'hello' has no 'project'; expected the log project (log group)
            """
        },
        {
            "event body not a mapping",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - timer: 5m
            """,
            """
            f.yml:6:16: error: the timer event must be a mapping of its settings; got '5m'
            """
        },
        {
            "invalid trigger name",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - timer: {rate: 1h, name: Nightly_Job}
            """,
            """
            f.yml:6:33: error: trigger name 'Nightly_Job' must start with a lower-case letter
            """
        },
        {
            "duplicate trigger name",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
                events:
                  - timer: {rate: 1h, name: tick}
              world:
                events:
                  - timer: {rate: 2h, name: tick}
            """,
            """
            f.yml:9:33: error: trigger name 'tick' is already used by the timer event of function 'hello' (at 6:9); trigger names are unique in a service
            """
        },
        {
            "default trigger name too long",
            """
            service: shop
            provider: {name: aws}
            functions:
              a-very-long-function-name-that-is-just-under-the-limit-xx:
                events:
                  - timer: {rate: 1h}
            """,
            """
            f.yml:6:9: error: the default trigger name 'a-very-long-function-name-that-is-just-under-the-limit-xx-timer-0' is 65 characters long (at most 60); give the event a shorter 'name'
            """
        },
        {
            "group names an unknown function",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
              world:
            aggregation:
              api:
                functions: [helo, world]
            """,
            """
            f.yml:8:17: error: group 'api' names no function 'helo' (did you mean 'hello'?)
            """
        },
        {
            "glob matching nothing",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
            aggregation:
              api:
                functions: [hello, "user-*"]
            """,
            """
            f.yml:7:24: error: pattern 'user-*' of group 'api' matches no function
            """
        },
        {
            "function in two groups",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
              world:
            aggregation:
              api:
                functions: [hello]
              web:
                functions: ["*"]
            """,
            """
            f.yml:10:17: error: function 'hello' is already in group 'api' (at 8:17); a function belongs to at most one group
            """
        },
        {
            "group left empty by an exclusion",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
            aggregation:
              api:
                functions: [hello, "!hello"]
            """,
            """
            f.yml:6:3: error: group 'api' has no functions
            """
        },
        {
            "exclusion that excludes nothing",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
              world:
            aggregation:
              api:
                functions: [hello, "!world"]
            """,
            """
            f.yml:8:24: error: '!world' excludes nothing: no function it matches is in group 'api' by then
            """
        },
        {
            "group without functions key, bad prefix",
            """
            service: shop
            provider: {name: aws}
            functions:
              hello:
            aggregation:
              api:
                prefix: api/
            """,
            """
            f.yml:6:3: error: group 'api' has no 'functions'; expected a list of function names or patterns ('*', '?'; '!' in front excludes)
            f.yml:7:13: error: prefix 'api/' must start with '/'
            """
        },
        {
            "group named like a lone function",
            """
            service: shop
            provider: {name: aws}
            functions:
              api:
              hello:
            aggregation:
              api:
                functions: [hello]
            """,
            """
            f.yml:7:3: error: group 'api' has the name of function 'api', which is deployed on its own; two deployed functions cannot share a name
            """
        },
        {
            "duplicate route in a group",
            """
            service: shop
            provider: {name: aws}
            functions:
              users:
                events:
                  - http: {path: "/users/{id}", method: GET}
              profile:
                events:
                  - http: {path: "/users/{name}", method: [GET, POST]}
            aggregation:
              api:
                functions: [users, profile]
                prefix: /api
            """,
            """
            f.yml:9:22: error: route 'GET,POST /api/users/{name}' in group 'api' is already served by function 'users' (at 6:22)
            """
        },
        {
            "duplicate route in a lone function",
            """
            service: shop
            provider: {name: aws}
            functions:
              users:
                events:
                  - http: {path: /users}
                  - http: {path: /users, method: GET}
            """,
            """
            f.yml:7:22: error: route 'GET /users' is already served by another event of this function (at 6:22)
            """
        },
        {
            "environment conflict in a group",
            """
            service: shop
            provider: {name: aws}
            functions:
              users:
                environment: {TABLE: users}
              orders:
                environment: {TABLE: orders}
            aggregation:
              api:
                functions: [users, orders]
            """,
            """
            f.yml:7:26: error: environment variable 'TABLE' is 'orders' here but 'users' for function 'users' (at 5:26); the functions of group 'api' share one environment
            """
        },
        {
            "member overrides the provider's variable the other inherits",
            """
            service: shop
            provider:
              name: aws
              environment: {LOG_LEVEL: info}
            functions:
              users:
              orders:
                environment: {LOG_LEVEL: debug}
            aggregation:
              api:
                functions: [users, orders]
            """,
            """
            f.yml:8:30: error: environment variable 'LOG_LEVEL' is 'debug' here but 'info' for function 'users' (from provider) (at 4:28); the functions of group 'api' share one environment
            """
        },
        {
            "layer order conflict in a group",
            """
            service: shop
            provider: {name: aws}
            layers:
              auth: {path: ./auth}
              metrics: {path: ./metrics}
            functions:
              users:
                layers: [auth, metrics]
              orders:
                layers: [metrics, auth]
            aggregation:
              api:
                functions: [users, orders]
            """,
            """
            f.yml:10:23: error: layers 'metrics' and 'auth' are in the opposite order in function 'users' (at 8:14); the functions of group 'api' run under one stack of layers
            """
        },
        {
            "same handler in a group",
            """
            service: shop
            provider: {name: aws}
            functions:
              users:
                handler: crud
              orders:
                handler: crud
            aggregation:
              api:
                functions: [users, orders]
            """,
            """
            f.yml:7:14: error: functions 'users' and 'orders' of group 'api' have the same handler 'crud'; one process routes to each function by its handler
            """
        },
        {
            "yaml tag and unknown alias",
            """
            service: !!str shop
            provider: *cloud
            functions: {hello: }
            """,
            """
            f.yml:1:10: error: YAML tags ('tag:yaml.org,2002:str') are not supported; f.yml gives each key its type
            f.yml:2:11: error: unknown alias '*cloud'; no earlier node is anchored '&cloud'
            """
        },
        {
            "apigw route claimed by two deployed functions",
            """
            service: shop
            provider: {name: aws}
            functions:
              users:
                events:
                  - apigw: {path: /users, method: GET}
              admin:
                events:
                  - apigw: {path: /users}
                  - http: {path: /users}
            """,
            """
            f.yml:9:23: error: API gateway route 'ANY /users' is already served by function 'users' (at 6:23); the apigw routes of a service share one gateway
            """
        },
        {
            "every mistake of a file in one pass, in file order",
            """
            service: shop
            provider:
              name: aws
              timeout: 0
            functions:
              hello:
                memorySize: lots
                events:
                  - http: {path: /a//b}
                  - timer: {cron: "* * *"}
            """,
            """
            f.yml:4:12: error: 'timeout' must be a whole number of seconds from 1 to 86400; got '0'
            f.yml:7:17: error: 'memorySize' must be a whole number of MB from 64 to 32768; got 'lots'
            f.yml:9:22: error: path '/a//b' has an empty segment ('//')
            f.yml:10:23: error: cron '* * *' has 3 fields; expected 5: minute hour day-of-month month day-of-week
            """
        },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_InvalidFile_ReportsEveryMistakeWhereItIs(string mistake, string yaml, string expected)
    {
        Assert.NotEmpty(mistake);

        string[] errors = Some.Errors(yaml + "\n");

        Assert.Equal(expected.Split('\n'), errors);
    }
}
