using System.Collections.Generic;

namespace Samples.AspNetCoreApp;

/// <summary>In-memory to-dos (per instance: a real function keeps them in a database).</summary>
internal sealed class TodoStore
{
    private readonly object _gate = new();
    private readonly List<Todo> _todos = new() { new Todo(1, "Walk the dog", false), new Todo(2, "Write the layer", true) };

    public Todo[] All()
    {
        lock (_gate)
        {
            return _todos.ToArray();
        }
    }

    public Todo? Find(int id)
    {
        lock (_gate)
        {
            return _todos.Find(t => t.Id == id);
        }
    }

    public Todo Add(Todo todo)
    {
        lock (_gate)
        {
            _todos.Add(todo);
            return todo;
        }
    }
}
