using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Layers.WebAdapter.Tests.Support;

/// <summary>
/// A real Express 4 app, installed from npm once per test run into a temporary folder (<c>npm install express@4</c>),
/// started by the layer through its command setting (<c>node app.js</c>, listening on 127.0.0.1:$PORT).
/// </summary>
internal static class ExpressApp
{
    private const string AppJs = """
        const express = require('express');
        const app = express();
        const port = Number(process.env.PORT);

        app.get('/health', (req, res) => res.send('ok'));
        app.get('/hello', (req, res) => res.json({
          name: req.query.name, tags: req.query.tag, path: req.path, url: req.originalUrl,
          requestId: req.get('x-faas-request-id') || null, deadline: req.get('x-faas-deadline-ms') || null,
          traceId: req.get('x-faas-trace-id') || null, host: req.get('host') || null,
        }));
        app.post('/echo', express.raw({ type: () => true, limit: '10mb' }), (req, res) => {
          const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          res.set('Content-Type', req.get('content-type') || 'application/octet-stream');
          res.set('X-Body-Length', String(body.length));
          res.send(body);
        });
        app.get('/headers', (req, res) => {
          res.append('X-Multi', 'one');
          res.append('X-Multi', 'two');
          res.json({ custom: req.get('x-custom') || null, authorization: req.get('authorization') || null });
        });
        app.get('/cookies', (req, res) => {
          res.cookie('a', '1', { httpOnly: true });
          res.cookie('b', '2', { path: '/x' });
          res.json({ cookie: req.get('cookie') || null });
        });
        app.get('/binary', (req, res) => {
          const bytes = Buffer.alloc(256);
          for (let i = 0; i < 256; i++) bytes[i] = i;
          res.type('application/octet-stream').send(bytes);
        });
        app.get('/status/:code', (req, res) => res.status(Number(req.params.code)).send('status ' + req.params.code));
        app.post('/events', express.raw({ type: () => true }), (req, res) => res.json({
          received: Buffer.isBuffer(req.body) ? req.body.toString('utf8') : null,
          contentType: req.get('content-type') || null, requestId: req.get('x-faas-request-id') || null,
        }));
        app.get('/close', (req) => req.socket.destroy());
        app.get('/crash', () => process.exit(1));
        app.get('/exit', (req, res) => { res.on('finish', () => process.exit(3)); res.send('bye'); });

        app.listen(port, '127.0.0.1', () => console.log('express test app listening on ' + port));
        """;

    private static readonly Lazy<Task<string>> s_installed = new(InstallAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder holding app.js and node_modules; installs on first use (npm may be slow: the wait is generous).</summary>
    public static Task<string> FolderAsync() => s_installed.Value;

    /// <summary>The layer's settings to start the app on <paramref name="port"/>, plus <paramref name="extra"/>.</summary>
    public static async Task<Dictionary<string, string>> SettingsAsync(int port, params (string Name, string Value)[] extra)
    {
        string folder = await FolderAsync();
        var settings = new Dictionary<string, string>
        {
            ["FAAS_WEBAPP_COMMAND"] = "node app.js",
            ["FAAS_WEBAPP_WORKING_DIRECTORY"] = folder,
            ["AWS_LWA_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AWS_LWA_READINESS_CHECK_PATH"] = "/health",
            ["AWS_LWA_READINESS_CHECK_TIMEOUT_SECONDS"] = "60",
        };
        foreach ((string name, string value) in extra)
        {
            settings[name] = value;
        }
        return settings;
    }

    private static async Task<string> InstallAsync()
    {
        // One fixed folder, so runs do not pile up copies; npm install runs again each test run (quick once installed).
        string folder = Path.Combine(Path.GetTempPath(), "webadapter-express-test");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "package.json"), """
            { "name": "webadapter-express-test", "version": "1.0.0", "private": true }
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "app.js"), AppJs);

        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "install", "express@4", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(argument);
        }
        using Process npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start");
        Task<string> output = npm.StandardOutput.ReadToEndAsync();
        Task<string> error = npm.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await npm.WaitForExitAsync(limit.Token);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm install express@4 failed with {npm.ExitCode}: {await output} {await error}");
        }
        return folder;
    }
}
