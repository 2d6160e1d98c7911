#!/usr/bin/env python3
"""Runs the official StyleGAN2-ADA train.py with the values its flags cannot express.

    python3 train_official.py --official /path/to/stylegan2-ada-pytorch -- <train.py flags>

Part of StyleGAN2 for Fiji (command Export for Official Training); it contains none of the official
code. The official flags fix z = w = 512, 512 channels at most and, per --cfg, the channel base,
mapping depth, minibatch-stddev group, learning rate and EMA. This script imports the official
train.py from your checkout, lets its setup_training_loop_kwargs read the flags as usual, then sets
every value listed under "train_overrides" in export.json (dotted paths into its args: network
sizes, optimiser, loss weights, EMA, ADA) and, when resuming, checks that the networks the official
trainer will build have exactly the names and shapes of the resume pickle (its --resume copies by
name and silently skips what it does not find). Then the official main() runs unchanged.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def fail(message):
    print(f'train_official.py: {message}', file=sys.stderr)
    sys.exit(2)


def set_path(args, path, value):
    keys = path.split('.')
    node = args
    for key in keys[:-1]:
        if key not in node:
            node[key] = type(args)()
        node = node[key]
    node[keys[-1]] = value


def check_resume(args, export):
    path = args.get('resume_pkl')
    if path is None or not os.path.isfile(path):
        return
    import dnnlib
    import legacy
    with open(path, 'rb') as f:
        data = legacy.load_network_pkl(f)
    common = dict(c_dim=export['c_dim'] if args.training_set_kwargs.use_labels else 0,
                  img_resolution=args.training_set_kwargs.resolution,
                  img_channels=export['img_channels'])
    for name, kwargs in (('G', args.G_kwargs), ('D', args.D_kwargs)):
        built = dnnlib.util.construct_class_by_name(**kwargs, **common)
        want = {k: tuple(v.shape) for k, v in list(built.named_parameters()) + list(built.named_buffers())}
        have = {k: tuple(v.shape) for k, v in list(data[name].named_parameters()) + list(data[name].named_buffers())}
        problems = [f'missing {k}' for k in want if k not in have]
        problems += [f'unexpected {k}' for k in have if k not in want]
        problems += [f'{k} {have[k]} != {want[k]}' for k in want if k in have and have[k] != want[k]]
        if problems:
            fail(f'{path}: {name} does not match the network train.py builds '
                 f'({len(problems)} problems: {"; ".join(problems[:6])})')
    print(f'train_official.py: {path} matches the networks train.py builds, name for name')


def main():
    argv = sys.argv[1:]
    if len(argv) < 2 or argv[0] != '--official':
        fail('usage: train_official.py --official <stylegan2-ada-pytorch checkout> -- <train.py flags>')
    checkout, rest = argv[1], argv[2:]
    if rest[:1] == ['--']:
        rest = rest[1:]
    if not os.path.isfile(os.path.join(checkout, 'train.py')):
        fail(f'--official {checkout}: not a stylegan2-ada-pytorch checkout (no train.py)')
    sys.path.insert(0, os.path.abspath(checkout))
    import train as official
    with open(os.path.join(HERE, 'export.json')) as f:
        export = json.load(f)
    setup = official.setup_training_loop_kwargs

    def setup_with_overrides(**kwargs):
        desc, args = setup(**kwargs)
        for path, value in export['train_overrides'].items():
            set_path(args, path, value)
        check_resume(args, export)
        return desc + '-fiji', args

    official.setup_training_loop_kwargs = setup_with_overrides
    official.main(args=rest, prog_name='train.py')


if __name__ == '__main__':
    main()
